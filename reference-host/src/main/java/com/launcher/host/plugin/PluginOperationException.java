package com.launcher.host.plugin;

/** A plugin operation cannot be done in the plugin's current state. */
public class PluginOperationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PluginOperationException(String message) {
		super(message);
	}

}
