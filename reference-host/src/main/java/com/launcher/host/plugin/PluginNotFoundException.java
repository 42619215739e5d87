package com.launcher.host.plugin;

/** The host knows no plugin with that id. */
public class PluginNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PluginNotFoundException(String id) {
		super("No plugin " + id);
	}

}
