/**
 * The adapter over the host's Tasker client that the tools use: the owner's live
 * membership on every call, attribution and external ids on every write, the untrusted
 * envelope around Tasker-authored text, Markdown to sanitised HTML, the credential
 * scanner, and the mapping of Tasker failures to the gateway's error codes.
 */
package com.launcher.agentgateway.tasker;
