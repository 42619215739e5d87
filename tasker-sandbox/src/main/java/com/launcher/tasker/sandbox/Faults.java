package com.launcher.tasker.sandbox;

import java.time.Duration;

/**
 * Faults injected by tests: added latency, failures answered instead of the real call,
 * calls dropped without an answer, and writes applied before the connection is dropped.
 */
final class Faults {

	private Duration latency = Duration.ZERO;

	private int failCount;

	private int failStatus;

	private String failBody = "";

	private int dropCount;

	private int resetAfterWriteCount;

	synchronized void latency(Duration latency) {
		this.latency = latency;
	}

	synchronized Duration latency() {
		return this.latency;
	}

	synchronized void failNext(int count, int status, String body) {
		this.failCount = count;
		this.failStatus = status;
		this.failBody = (body != null) ? body : "";
	}

	synchronized void dropNext(int count) {
		this.dropCount = count;
	}

	synchronized void resetAfterNextWrites(int count) {
		this.resetAfterWriteCount = count;
	}

	synchronized void clear() {
		this.latency = Duration.ZERO;
		this.failCount = 0;
		this.dropCount = 0;
		this.resetAfterWriteCount = 0;
	}

	synchronized boolean takeDrop() {
		if (this.dropCount > 0) {
			this.dropCount--;
			return true;
		}
		return false;
	}

	/**
	 * Takes one injected failure.
	 * @return status and body, or null when none is pending
	 */
	synchronized String[] takeFailure() {
		if (this.failCount > 0) {
			this.failCount--;
			return new String[] { Integer.toString(this.failStatus), this.failBody };
		}
		return null;
	}

	synchronized boolean takeResetAfterWrite() {
		if (this.resetAfterWriteCount > 0) {
			this.resetAfterWriteCount--;
			return true;
		}
		return false;
	}

}
