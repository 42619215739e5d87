/**
 * Demo mode: seeded Launcher users with documented passwords and their Tasker project
 * membership. Never active outside demo mode.
 */
package com.launcher.host.demo;
