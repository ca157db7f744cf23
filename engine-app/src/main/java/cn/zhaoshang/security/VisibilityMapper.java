package cn.zhaoshang.security;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The data-level access rule as SQL (VisibilityMapper.xml): its fragments are included by every query that reads leads,
 * projects, appeals or meetings; these statements answer for single items. Use it through {@link Visibility}.
 */
@Mapper
interface VisibilityMapper {

    long countLead(@Param("scope") DataScope scope, @Param("id") long id);

    long countProject(@Param("scope") DataScope scope, @Param("id") long id);

    long countAppeal(@Param("scope") DataScope scope, @Param("id") long id);

    long countMeeting(@Param("scope") DataScope scope, @Param("id") long id);

    long countMinutesReader(@Param("scope") DataScope scope, @Param("id") long id);

    List<Long> visibleLeads(@Param("scope") DataScope scope, @Param("ids") Collection<Long> ids);

    List<Long> visibleProjects(@Param("scope") DataScope scope, @Param("ids") Collection<Long> ids);

    List<String> visibleInstances(@Param("scope") DataScope scope, @Param("ids") Collection<String> ids);
}
