package cn.zhaoshang.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the landing page after it; the login itself is Spring Security's (POST /login). */
@Controller
class WorkbenchController {

    /** {@code ?error} after a refused login, {@code ?logout} after logging out (Spring Security's redirects). */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "home";
    }
}
