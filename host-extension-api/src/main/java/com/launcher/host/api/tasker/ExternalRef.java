package com.launcher.host.api.tasker;

/**
 * The caller's own key for something it creates in Tasker ({@code external_source} and
 * {@code external_id}), which makes creates repeatable without duplicates (plane-api.md
 * §5).
 *
 * @param source a fixed name of the creating system, for example {@code agent-gateway}
 * @param id a deterministic id within that source
 */
public record ExternalRef(String source, String id) {

	public ExternalRef {
		Checks.text(source, "source", 255);
		Checks.text(id, "id", 255);
	}

}
