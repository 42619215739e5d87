/**
 * A Plane-compatible Tasker double on the JDK HTTP server: the behaviours of
 * {@code plane-api.md} (its checklist), in-memory state, and a test-only control surface.
 */
package com.launcher.tasker.sandbox;
