/**
 * The Tasker (self-hosted Plane) client the host offers plugins: typed values, typed
 * failures and the {@link com.launcher.host.api.tasker.TaskerClient} port. Plugins never
 * see the Tasker credential; the host holds it inside its implementation.
 */
package com.launcher.host.api.tasker;
