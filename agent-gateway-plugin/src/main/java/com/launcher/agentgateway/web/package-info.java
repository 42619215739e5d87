/**
 * The REST API ({@code /plugins/agent-gateway/api/v1/…}, RFC 9457 problem details for
 * errors) and the pages (my agents, admin), for humans signed in through the host.
 */
package com.launcher.agentgateway.web;
