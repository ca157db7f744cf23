package cn.zhaoshang.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShownTextTest {

    @Test
    void aTextThatFitsIsKeptWhole() {
        String text = "全县：新引进签约项目 40 个\n尖山镇：新引进签约项目 4 个";
        assertThat(ShownText.fit(text, "见方案")).isSameAs(text);
        assertThat(ShownText.fit(null, "见方案")).isNull();
        String exactly = "招".repeat(ShownText.LIMIT);
        assertThat(ShownText.fit(exactly, "见方案")).isSameAs(exactly);
    }

    @Test
    void aLongerTextIsCutAtALine_andSaysWhereTheRestIs() {
        String line = "磐安县某某镇：新引进签约项目 4 个；开工项目 3 个；实际到位资金 12000 万元\n";
        String text = line.repeat(200);
        String shown = ShownText.fit(text, "共 600 项，全部见方案 #7");
        assertThat(shown.length()).isLessThanOrEqualTo(4000);
        assertThat(shown).endsWith("\n……（共 600 项，全部见方案 #7）");
        assertThat(shown.substring(0, shown.indexOf("\n……"))).as("whole lines only").endsWith("12000 万元");
        assertThat(text).startsWith(shown.substring(0, shown.indexOf("\n……")));
    }

    @Test
    void aFourByteCharacterIsNeverSplit() {
        String text = "a".repeat(ShownText.LIMIT - 1) + "𠀀".repeat(200);
        String shown = ShownText.fit(text, "余下见记录");
        String head = shown.substring(0, shown.indexOf("\n……"));
        assertThat(head).isEqualTo("a".repeat(ShownText.LIMIT - 1));
        assertThat(shown.length()).isLessThanOrEqualTo(4000);
    }
}
