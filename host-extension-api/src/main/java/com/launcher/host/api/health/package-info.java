/**
 * Health checks a plugin adds to the host's health (issue 18): framework-neutral, so a
 * host may serve them through Spring Boot's actuator or anything else.
 */
package com.launcher.host.api.health;
