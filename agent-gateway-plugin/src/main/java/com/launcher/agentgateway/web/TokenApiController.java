package com.launcher.agentgateway.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenService;
import tools.jackson.databind.JsonNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens of an agent: mint (the secret appears in that response only), list, revoke,
 * rotate.
 */
@RestController
@RequestMapping(path = "/api/v1/agents/{id}/tokens", produces = "application/json")
class TokenApiController extends ApiErrors {

	private final TokenService tokens;

	private final CurrentActor actor;

	TokenApiController(TokenService tokens, CurrentActor actor, FailureNames failures) {
		super(failures);
		this.tokens = tokens;
		this.actor = actor;
	}

	@PostMapping
	ResponseEntity<MintedView> mint(@PathVariable UUID id, @RequestBody(required = false) JsonNode body) {
		JsonBody json = JsonBody.optional(body, Set.of("expiresInDays", "allowedCidrs"));
		TokenService.MintedToken minted = this.tokens.mint(this.actor.require(), id, json.integer("expiresInDays"),
				json.strings("allowedCidrs"));
		return created(minted);
	}

	@GetMapping
	List<TokenView> list(@PathVariable UUID id) {
		return this.tokens.list(this.actor.require(), id).stream().map(TokenView::of).toList();
	}

	@PostMapping("/{tokenId}/revoke")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable UUID id, @PathVariable UUID tokenId) {
		this.tokens.revoke(this.actor.require(), id, tokenId);
	}

	@PostMapping("/{tokenId}/rotate")
	ResponseEntity<MintedView> rotate(@PathVariable UUID id, @PathVariable UUID tokenId,
			@RequestBody(required = false) JsonNode body) {
		JsonBody json = JsonBody.optional(body, Set.of("expiresInDays"));
		return created(this.tokens.rotate(this.actor.require(), id, tokenId, json.integer("expiresInDays")));
	}

	private static ResponseEntity<MintedView> created(TokenService.MintedToken minted) {
		AgentToken token = minted.token();
		// The secret is in this body only: keep every cache away from it.
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new MintedView(token.id(), minted.secret(), token.hint(), token.expiresAt(), token.allowedCidrs()));
	}

	record MintedView(UUID id, String token, String hint, Instant expiresAt, List<String> allowedCidrs) {

		@Override
		public String toString() {
			return "MintedView[id=" + this.id + ", token=<hidden>]";
		}

	}

	record TokenView(UUID id, String hint, String status, String statusReason, UUID createdBy, Instant createdAt,
			Instant expiresAt, Instant lastUsedAt, String lastUsedIp, List<String> allowedCidrs, UUID successorId) {

		static TokenView of(AgentToken token) {
			return new TokenView(token.id(), token.hint(), token.status().name(), token.statusReason(),
					token.createdBy(), token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.lastUsedIp(),
					token.allowedCidrs(), token.successorId());
		}

	}

}
