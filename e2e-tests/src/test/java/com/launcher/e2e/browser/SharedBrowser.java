package com.launcher.e2e.browser;

import java.time.Duration;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One host (with its database and Tasker sandbox) and one browser for every browser test
 * class of a run: starting them is most of a browser test's time, so the first class that
 * needs them starts them and the end of the run closes them (JUnit closes what its root
 * store holds). Classes opt in with {@code @ExtendWith(SharedBrowser.class)} and read
 * {@link #cluster()}, {@link #node()} and {@link #browser()} in their {@code @BeforeAll}.
 *
 * <p>
 * Sharing a host means sharing its rows: each class uses agent names of its own, signs in
 * itself, and leaves the policy as it found it. {@code junit-platform.properties} orders
 * the classes so that the one asserting a first visit's empty pages runs first.
 */
public final class SharedBrowser implements BeforeAllCallback {

	/**
	 * Tasker's web app address, for the links to cards an agent wrote (nobody opens
	 * them).
	 */
	public static final String TASKER_WEB = "http://tasker.web.test";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

	private static volatile Harness harness;

	@Override
	public void beforeAll(ExtensionContext context) {
		harness = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Harness.class, (key) -> Harness.start(), Harness.class);
	}

	public static LauncherCluster cluster() {
		return current().cluster;
	}

	public static LauncherNode node() {
		return current().cluster.node();
	}

	public static Browser browser() {
		return current().browser;
	}

	private static Harness current() {
		if (harness == null) {
			throw new IllegalStateException("Annotate the test class with @ExtendWith(SharedBrowser.class)");
		}
		return harness;
	}

	private record Harness(LauncherCluster cluster, Browser browser) implements AutoCloseable {

		static Harness start() {
			LauncherCluster cluster = LauncherCluster.start(1,
					SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
					// The pages tests change a person's membership and Tasker's health
					// mid-test and must see it at once: no kept membership answers here
					// (MembershipCacheEndToEndTests tests the cache).
					Map.of("launcher.tasker.web-url", TASKER_WEB, "agent-gateway.membership-cache.bound", "0s"));
			try {
				return new Harness(cluster, Browser.start(cluster.node()));
			}
			catch (RuntimeException ex) {
				cluster.close();
				throw ex;
			}
		}

		@Override
		public void close() {
			try {
				this.browser.close();
			}
			finally {
				this.cluster.close();
			}
		}

	}

}
