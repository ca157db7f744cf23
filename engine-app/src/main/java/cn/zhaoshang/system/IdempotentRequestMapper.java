package cn.zhaoshang.system;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Table {@code idempotent_request} (sql/V9): the first answer to each user's Idempotency-Key. */
@Mapper
interface IdempotentRequestMapper {

    record Stored(String method, String path, String requestHash, Integer status, String contentType, String location,
            String responseBody, Instant createdAt) {
    }

    /** Fails with a duplicate key when the user sent this key before: that is how a retry is recognised. */
    @Insert("""
            INSERT INTO idempotent_request (user_id, idempotency_key, method, path, request_hash, created_at)
            VALUES (#{userId}, #{key}, #{method}, #{path}, #{hash}, #{now})""")
    void begin(@Param("userId") String userId, @Param("key") String key, @Param("method") String method,
            @Param("path") String path, @Param("hash") String hash, @Param("now") Instant now);

    @Select("""
            SELECT method, path, request_hash, status, content_type, location, response_body, created_at
            FROM idempotent_request WHERE user_id = #{userId} AND idempotency_key = #{key}""")
    Optional<Stored> find(@Param("userId") String userId, @Param("key") String key);

    @Update("""
            UPDATE idempotent_request SET status = #{status}, content_type = #{contentType}, location = #{location},
                   response_body = #{body}
            WHERE user_id = #{userId} AND idempotency_key = #{key}""")
    void finish(@Param("userId") String userId, @Param("key") String key, @Param("status") int status,
            @Param("contentType") String contentType, @Param("location") String location, @Param("body") String body);

    @Delete("DELETE FROM idempotent_request WHERE user_id = #{userId} AND idempotency_key = #{key}")
    void forget(@Param("userId") String userId, @Param("key") String key);

    @Delete("DELETE FROM idempotent_request WHERE created_at < #{before}")
    int forgetOlderThan(Instant before);
}
