package cn.zhaoshang.security;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Camunda's identity tables, read in the engine command's own transaction: the group row is locked first, so two
 * administrators removing the last two members at the same moment cannot both pass the count.
 */
@Mapper
interface AdminGroupMapper {

    @Select("SELECT ID_ FROM ACT_ID_GROUP WHERE ID_ = #{groupId} FOR UPDATE")
    String lockGroup(String groupId);

    @Select("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE GROUP_ID_ = #{groupId}")
    long countMembers(String groupId);

    @Select("SELECT COUNT(*) > 0 FROM ACT_ID_MEMBERSHIP WHERE GROUP_ID_ = #{groupId} AND USER_ID_ = #{userId}")
    boolean isMember(@Param("groupId") String groupId, @Param("userId") String userId);
}
