package cn.zhaoshang.task;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Table {@code task_copy}: who got a read-only copy (抄送) of which task. */
@Mapper
interface TaskCopyMapper {

    @Insert("""
            INSERT INTO task_copy (task_id, process_instance_id, task_name, recipient, sent_by, note, sent_at)
            VALUES (#{taskId}, #{processInstanceId}, #{taskName}, #{recipient}, #{sentBy}, #{note}, #{sentAt})""")
    void insert(TaskCopy copy);

    @Select("SELECT COUNT(*) > 0 FROM task_copy WHERE task_id = #{taskId} AND recipient = #{recipient}")
    boolean exists(@Param("taskId") String taskId, @Param("recipient") String recipient);

    @Select("SELECT * FROM task_copy WHERE recipient = #{recipient} ORDER BY sent_at DESC, id DESC LIMIT #{limit}")
    List<TaskCopy> findByRecipient(@Param("recipient") String recipient, @Param("limit") int limit);

    @Select("SELECT * FROM task_copy WHERE task_id = #{taskId} ORDER BY sent_at, id")
    List<TaskCopy> findByTask(String taskId);

    @Select("SELECT COUNT(*) FROM task_copy WHERE recipient = #{recipient} AND read_at IS NULL")
    long countUnread(String recipient);

    @Update("UPDATE task_copy SET read_at = #{at} WHERE task_id = #{taskId} AND recipient = #{recipient} AND read_at IS NULL")
    int markRead(@Param("taskId") String taskId, @Param("recipient") String recipient, @Param("at") Instant at);
}
