/**
 * Agent Gateway: a Launcher plugin that lets local coding agents read and maintain Tasker
 * cards through allowlisted MCP tools, with their own hashed, expiring, revocable tokens.
 */
package com.launcher.agentgateway;
