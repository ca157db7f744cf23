package cn.zhaoshang.calendar;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CalendarMapper {

    @Select("SELECT * FROM calendar_day WHERE calendar_date BETWEEN #{from} AND #{to} ORDER BY calendar_date")
    List<CalendarDay> findBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("SELECT * FROM calendar_year ORDER BY year_number")
    List<CalendarYear> findYears();

    @Insert("INSERT INTO calendar_day (calendar_date, kind, name) VALUES (#{calendarDate}, #{kind}, #{name})")
    void insertDay(CalendarDay day);

    @Update("UPDATE calendar_day SET kind = #{kind}, name = #{name} WHERE calendar_date = #{calendarDate}")
    int updateDay(CalendarDay day);

    @Delete("DELETE FROM calendar_day WHERE calendar_date = #{day}")
    int deleteDay(LocalDate day);

    @Insert("INSERT INTO calendar_year (year_number, source, updated_by, updated_at) VALUES (#{yearNumber}, #{source}, #{updatedBy}, #{updatedAt})")
    void insertYear(CalendarYear year);

    @Update("UPDATE calendar_year SET source = #{source}, updated_by = #{updatedBy}, updated_at = #{updatedAt} WHERE year_number = #{yearNumber}")
    int updateYear(CalendarYear year);
}
