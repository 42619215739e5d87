/**
 * The adapters over the host's Tasker client:
 * {@link com.launcher.agentgateway.tasker.TaskerWorkItems} (the tools' work-item port:
 * the owner's live membership, attribution and external ids on every write,
 * Tasker-authored text made inert on the way in, Markdown to sanitised HTML, the
 * credential scanner) and {@link com.launcher.agentgateway.tasker.TaskerClientProjects}
 * (grantable projects), with one table from Tasker failures to the gateway's error codes.
 */
package com.launcher.agentgateway.tasker;
