/**
 * A benchmark (not a test) of the client's overhead and rate budget over the sandbox; see
 * {@code docs/BENCHMARKS-tasker.md}.
 */
package com.launcher.tasker.client.bench;
