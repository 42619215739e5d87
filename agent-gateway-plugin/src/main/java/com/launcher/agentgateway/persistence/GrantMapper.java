package com.launcher.agentgateway.persistence;

import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import org.apache.ibatis.annotations.Param;

/** The statements of {@code GrantMapper.xml}. */
interface GrantMapper {

	void insert(Grant grant);

	List<Grant> findByAgent(UUID agentId);

	Grant findById(UUID id);

	int delete(UUID id);

	int updateAccess(@Param("id") UUID id, @Param("access") Access access);

}
