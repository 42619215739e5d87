/**
 * The host's Tasker client: {@link com.launcher.tasker.client.PlaneTaskerClient} speaks
 * Plane's public API v1 (see {@code plane-api.md}) behind a rate budget, a circuit
 * breaker, a time limit and a concurrency bound.
 */
package com.launcher.tasker.client;
