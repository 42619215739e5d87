package com.launcher.host.db;

/**
 * Marks the host's MyBatis mappers, so that only they are scanned (never a plugin's).
 */
public interface LauncherMapper {

}
