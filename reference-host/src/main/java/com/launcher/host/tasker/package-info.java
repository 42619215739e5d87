/**
 * The host's Tasker client (Plane public API, the host's own credential), the host's
 * record of Tasker project membership, and the in-process Tasker sandbox of demo mode.
 */
package com.launcher.host.tasker;
