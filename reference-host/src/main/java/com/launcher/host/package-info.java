/**
 * The reference Launcher host, a stand-in for the real platform used for development,
 * demos and end-to-end tests.
 */
package com.launcher.host;
