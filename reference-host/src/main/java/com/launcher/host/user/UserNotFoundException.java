package com.launcher.host.user;

import java.util.UUID;

/** No Launcher user has that id. */
public class UserNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UserNotFoundException(UUID id) {
		super("No user " + id);
	}

}
