/**
 * Host configuration properties.
 */
package com.launcher.host.config;
