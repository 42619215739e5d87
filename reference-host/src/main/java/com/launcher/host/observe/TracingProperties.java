package com.launcher.host.observe;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the host's traces go, under {@code launcher.otel.*}. Without an endpoint nothing
 * is exported and the host's OpenTelemetry is a no-op.
 *
 * @param tracesEndpoint the OTLP/HTTP traces endpoint
 * ({@code http://collector:4318/v1/traces}), or none
 * @param serviceName {@code service.name} of the spans
 * @param exportDelay how long finished spans wait to be sent in one batch
 */
@ConfigurationProperties("launcher.otel")
public record TracingProperties(URI tracesEndpoint, @DefaultValue("launcher") String serviceName,
		@DefaultValue("5s") Duration exportDelay) {

	public TracingProperties {
		if (tracesEndpoint != null && !"http".equals(tracesEndpoint.getScheme())
				&& !"https".equals(tracesEndpoint.getScheme())) {
			throw new IllegalArgumentException("launcher.otel.traces-endpoint must be an http or https URL");
		}
		if (exportDelay.isNegative() || exportDelay.isZero()) {
			throw new IllegalArgumentException("launcher.otel.export-delay must be positive");
		}
	}

}
