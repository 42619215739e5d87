package com.launcher.host.api.web;

/**
 * Learns of requests to a plugin's routes that the host refused before they reached the
 * plugin, so that the plugin can audit them: the host answers such requests itself, and
 * without this the plugin's audit log would not know they happened.
 */
@FunctionalInterface
public interface RefusedRequestListener {

	/**
	 * Called on the request thread, before the host answers. Should be quick; an
	 * exception is logged by the host and never changes the answer.
	 * @param request what the host knows of the refused request
	 */
	void refused(RefusedRequest request);

}
