package com.launcher.tasker.client;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PlaneHttpTransportTests {

	@Test
	void runHereWhenTheTaskCompletesThenItRanOnTheCallingThread() {
		Thread caller = Thread.currentThread();
		AtomicBoolean ranHere = new AtomicBoolean();

		PlaneHttpTransport.runHere(() -> ranHere.set(Thread.currentThread() == caller));

		assertThat(ranHere).isTrue();
	}

	@Test
	void runHereWhenTheTaskThrowsThenNothingReachesTheHttpClient() {
		// The JDK client would take an exception out of its executor for a rejection and
		// shut its selector down.
		assertThatNoException().isThrownBy(() -> PlaneHttpTransport.runHere(() -> {
			throw new IllegalStateException("a failing client task");
		}));
	}

}
