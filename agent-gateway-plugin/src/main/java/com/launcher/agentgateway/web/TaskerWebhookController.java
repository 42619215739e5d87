package com.launcher.agentgateway.web;

import java.io.IOException;
import java.io.InputStream;

import com.launcher.agentgateway.readmodel.WebhookDelivery;
import com.launcher.agentgateway.readmodel.WebhookReceiver;
import com.launcher.agentgateway.readmodel.WebhookDeliveryCounts;
import com.launcher.agentgateway.readmodel.WebhookVerdict;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code POST /plugins/agent-gateway/tasker/webhook}: Tasker's webhooks (a public route:
 * no session, no bearer; the signature is the authentication). The body is read raw and
 * bounded, since the signature is over its exact bytes; the answer is a status and a
 * stable reason, never anything of the body.
 */
@Controller
public class TaskerWebhookController {

	/** The path, relative to the plugin's base, that the host serves without login. */
	public static final String PATH = "/tasker/webhook";

	private final WebhookReceiver receiver;

	private final int maxBytes;

	private final WebhookDeliveryCounts deliveries;

	public TaskerWebhookController(WebhookReceiver receiver, int maxBytes, WebhookDeliveryCounts deliveries) {
		this.receiver = receiver;
		this.maxBytes = maxBytes;
		this.deliveries = deliveries;
	}

	@PostMapping(PATH)
	@ResponseBody
	public ResponseEntity<String> receive(HttpServletRequest request) {
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			// One byte more than allowed tells an oversized body without reading it all.
			body = in.readNBytes(this.maxBytes + 1);
		}
		catch (IOException ex) {
			return answer(WebhookVerdict.MALFORMED);
		}
		// An oversized body arrives cut at one byte over the bound: the receiver refuses
		// it (and logs it) before anything else.
		WebhookVerdict verdict;
		try {
			verdict = this.receiver.receive(new WebhookDelivery(body, request.getHeader("X-Plane-Signature"),
					request.getHeader("X-Plane-Delivery"), request.getHeader("X-Plane-Event")));
		}
		catch (RuntimeException ex) {
			// The database could not take it: Plane does not retry a status, but the
			// sync heals what is lost here.
			verdict = WebhookVerdict.UNAVAILABLE;
		}
		return answer(verdict);
	}

	private ResponseEntity<String> answer(WebhookVerdict verdict) {
		// Every answer passes here, so operators count each delivery once (issue 14).
		this.deliveries.record(verdict);
		String key = verdict.accepted() ? "result" : "error";
		return ResponseEntity.status(verdict.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"" + key + "\":\"" + verdict.reason() + "\"}");
	}

}
