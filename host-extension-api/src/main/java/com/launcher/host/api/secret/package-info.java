/**
 * Named secrets the host holds for a plugin; a plugin can use them but never read them.
 */
package com.launcher.host.api.secret;
