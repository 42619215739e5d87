package com.launcher.host.observe;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The host's one OpenTelemetry, handed to every plugin through the host contract: an SDK
 * that batches spans to an OTLP/HTTP endpoint when {@code launcher.otel.traces-endpoint}
 * is set, else the API's no-op. One SDK per process rather than one per plugin: one
 * exporter, one batch queue, one place to configure, and a plugin's spans share the trace
 * of the request the host serves.
 */
@Component
public class HostTracing implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(HostTracing.class);

	private final OpenTelemetry openTelemetry;

	private final OpenTelemetrySdk sdk;

	public HostTracing(TracingProperties properties) {
		if (properties.tracesEndpoint() == null) {
			this.sdk = null;
			this.openTelemetry = OpenTelemetry.noop();
			return;
		}
		OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
			.setEndpoint(properties.tracesEndpoint().toString())
			.build();
		SdkTracerProvider tracers = SdkTracerProvider.builder()
			.setResource(Resource.getDefault()
				.merge(Resource
					.create(Attributes.of(AttributeKey.stringKey("service.name"), properties.serviceName()))))
			.addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(properties.exportDelay()).build())
			.build();
		// Not registered as the global instance: plugins get it through their context,
		// and a second host in one JVM (the tests) keeps its own.
		this.sdk = OpenTelemetrySdk.builder()
			.setTracerProvider(tracers)
			.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
			.build();
		this.openTelemetry = this.sdk;
		logger.info("Exporting traces by OTLP/HTTP to {}", properties.tracesEndpoint().getHost());
	}

	public OpenTelemetry openTelemetry() {
		return this.openTelemetry;
	}

	/** Sends what is still queued, then stops; called when the host stops. */
	@Override
	public void close() {
		if (this.sdk != null) {
			this.sdk.close();
		}
	}

}
