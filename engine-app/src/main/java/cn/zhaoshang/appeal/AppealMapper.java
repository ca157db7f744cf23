package cn.zhaoshang.appeal;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AppealMapper {

    @Insert("""
            INSERT INTO enterprise_appeal (project_id, company_name, kind, subject, content, status, submitted_by,
                                           process_instance_id, created_at, answer_due_on)
            VALUES (#{projectId}, #{companyName}, #{kind}, #{subject}, #{content}, 'RECEIVED', #{submittedBy},
                    #{processInstanceId}, #{createdAt}, #{answerDueOn})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewAppeal appeal);

    @Select("SELECT * FROM enterprise_appeal WHERE id = #{id}")
    Optional<Appeal> findById(long id);

    @Update("UPDATE enterprise_appeal SET status = 'ASSIGNED', assigned_group = #{group} WHERE id = #{id}")
    int assign(@Param("id") long id, @Param("group") String group);

    @Update("UPDATE enterprise_appeal SET status = #{status}, answer = #{answer}, answered_at = #{at} WHERE id = #{id}")
    int answer(@Param("id") long id, @Param("status") String status, @Param("answer") String answer,
            @Param("at") Instant at);
}
