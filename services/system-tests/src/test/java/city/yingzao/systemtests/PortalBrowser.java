package city.yingzao.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ViewportSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven by Playwright for Java, once per test JVM, against the portal of the
 * {@link SystemUnderTest}: no browser is downloaded ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}), people
 * sign in through the real Keycloak login page, axe-core checks each page, screenshots land in
 * {@code target/screenshots} (not committed) at a phone's size and a desktop's.
 */
public final class PortalBrowser implements AutoCloseable {

    /** The two languages every main path is walked in; the browser's locale is what the portal reads first. */
    public enum Lang {
        ZH("zh-CN"), EN("en-GB");

        final String locale;

        Lang(String locale) {
            this.locale = locale;
        }

        public String tag() {
            return this == ZH ? "zh-CN" : "en";
        }
    }

    /** A cheap phone and an office PC. */
    public enum Screen {
        PHONE(390, 844), DESKTOP(1280, 900);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private static PortalBrowser instance;

    private final Playwright playwright;
    private final Browser browser;
    private final String portal;
    private final ObjectMapper json = new ObjectMapper();

    private PortalBrowser(String portal) {
        this.portal = portal;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("yingzao.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** The browser, started on first use with the portal (and the whole stack with the demo city) behind it. */
    public static synchronized PortalBrowser get() {
        if (instance == null) {
            SystemUnderTest stack = SystemUnderTest.get();
            String portal = stack.portalUrl();
            stack.demoCity();
            instance = new PortalBrowser(portal);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "portal-browser-stop"));
        }
        return instance;
    }

    public String url(String path) {
        return portal + path;
    }

    /** A fresh context (its own cookies, so its own session) in a language, at a screen size. */
    public BrowserContext context(Lang lang, Screen screen) {
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale(lang.locale)
                .setExtraHTTPHeaders(Map.of("Accept-Language", lang.locale))
                .setViewportSize(new ViewportSize(screen.width, screen.height)));
    }

    public BrowserContext context(Lang lang) {
        return context(lang, Screen.DESKTOP);
    }

    /** Signs a demo user in through Keycloak's own login form, and lands on the portal page {@code then}. */
    public Page signIn(BrowserContext context, String username, String then) {
        Page page = context.newPage();
        page.navigate(url(then));
        page.locator("#username").fill(username);
        page.locator("#password").fill(SystemUnderTest.DEMO_PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(u -> u.startsWith(portal));
        return page;
    }

    /**
     * axe-core on the page as it is now (call it again after an interaction): no serious or critical
     * violation, each one named with its rule and the elements it found.
     */
    public void axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(Paths.get(System.getProperty("yingzao.axe.script"))));
        Object raw = page.evaluate("async () => JSON.stringify((await axe.run(document, {resultTypes: ['violations']})).violations)");
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode v : json.readTree(String.valueOf(raw))) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    serious.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(serious).as("axe-core on %s", page.url()).isEmpty();
    }

    /** A full-page screenshot, {@code target/screenshots/<name>.png}, for people to look at (not compared). */
    public Path screenshot(Page page, String name) {
        Path dir = Paths.get(System.getProperty("yingzao.screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = dir.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The same page at a phone's and a desktop's size, {@code <name>-phone.png} and {@code <name>-desktop.png}. */
    public void screenshots(Lang lang, String path, String name) {
        for (Screen screen : Screen.values()) {
            try (BrowserContext c = context(lang, screen)) {
                Page page = c.newPage();
                page.navigate(url(path));
                screenshot(page, name + "-" + screen.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            browser.close();
        } catch (RuntimeException ignored) {
            // the driver may be gone already at shutdown
        }
        try {
            playwright.close();
        } catch (RuntimeException ignored) {
            // idem
        }
    }
}
