package cn.zhaoshang.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.zhaoshang.web.StartForms.Startable;

/** The 报送线索 / 登记企业诉求 links of the header, for those the engine lets start the process. */
@ControllerAdvice(basePackageClasses = StartLinks.class)
class StartLinks {

    private final StartForms startForms;

    StartLinks(StartForms startForms) {
        this.startForms = startForms;
    }

    /** {@code startLinks} for the header, {@code canRegisterAppeal} for the link on a project's page. */
    @ModelAttribute
    void startLinks(Authentication caller, Model model) {
        List<Startable> links = caller == null || !caller.isAuthenticated() ? List.of()
                : Arrays.stream(Startable.values()).filter(process -> startForms.startable(process).isPresent())
                        .toList();
        model.addAttribute("startLinks", links);
        model.addAttribute("canRegisterAppeal", links.contains(Startable.APPEAL));
    }
}
