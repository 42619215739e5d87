/**
 * Named secrets the host holds for plugins, used for keyed operations only.
 */
package com.launcher.host.secret;
