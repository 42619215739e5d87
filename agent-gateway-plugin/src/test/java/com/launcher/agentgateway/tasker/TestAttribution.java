package com.launcher.agentgateway.tasker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.host.api.secret.Secrets;

/**
 * An attribution keyed like the host keys it, with a key fixed per name, for unit tests
 * outside this package.
 */
public final class TestAttribution {

	private TestAttribution() {
	}

	public static Attribution keyed(String key) {
		return new Attribution(secrets(key));
	}

	public static Attribution keyed() {
		return keyed("test-attribution-key");
	}

	static Secrets secrets(String key) {
		return (name, message) -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec((name + "|" + key).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
				return mac.doFinal(message);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

}
