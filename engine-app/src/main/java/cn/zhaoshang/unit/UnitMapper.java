package cn.zhaoshang.unit;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface UnitMapper {

    @Select("SELECT * FROM unit WHERE code = #{code}")
    Optional<Unit> findByCode(String code);

    @Select("SELECT * FROM unit ORDER BY kind, code")
    List<Unit> findAll();

    @Insert("INSERT INTO unit (code, name, kind, active) VALUES (#{code}, #{name}, #{kind}, #{active})")
    void insert(Unit unit);

    @Update("UPDATE unit SET name = #{name}, kind = #{kind}, active = #{active} WHERE code = #{code}")
    int update(Unit unit);

    @Select("SELECT u.* FROM unit u JOIN user_unit m ON m.unit_code = u.code WHERE m.user_id = #{userId}")
    Optional<Unit> findUnitOfUser(String userId);

    @Insert("INSERT INTO user_unit (user_id, unit_code) VALUES (#{userId}, #{unitCode})")
    void assignUser(@Param("userId") String userId, @Param("unitCode") String unitCode);

    @Update("UPDATE user_unit SET unit_code = #{unitCode} WHERE user_id = #{userId}")
    int reassignUser(@Param("userId") String userId, @Param("unitCode") String unitCode);
}
