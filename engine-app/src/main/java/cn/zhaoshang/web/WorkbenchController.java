package cn.zhaoshang.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the landing page after it; the login itself is Spring Security's (POST /login). */
@Controller
class WorkbenchController {

    /**
     * {@code ?error} after a wrong password, {@code ?wait=N} when Camunda's delay after a wrong password refused the
     * login, {@code ?locked} when too many wrong passwords locked the account (system.SecurityConfig), {@code ?logout}
     * after logging out.
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String wait,
            @RequestParam(required = false) String locked, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("waitSeconds", wait == null ? null : seconds(wait));
        model.addAttribute("locked", locked != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }

    private static Long seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            return seconds > 0 && seconds <= 3600 ? seconds : 1L;
        } catch (NumberFormatException e) {
            return 1L;
        }
    }

    @GetMapping("/")
    String home() {
        return "home";
    }
}
