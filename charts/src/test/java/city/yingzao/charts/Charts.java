package city.yingzao.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** {@code helm lint --strict} and {@code helm template}, through the Helm library bundled by helm-java. */
final class Charts {

    static final String RELEASE = "yingzao";
    static final String NAMESPACE = "yingzao";
    /** Oldest Kubernetes the charts declare (kubeVersion >=1.27) is checked by lint; render for a current one. */
    static final String KUBE_VERSION = "1.31.0";
    static final Path REALM = ChartWorkspace.repositoryFile("deploy/keycloak/realm-yingzao.json");

    private Charts() {
    }

    static LintResult lintStrict(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    static Manifests render(Path chart, UnaryOperator<TemplateCommand> options) {
        TemplateCommand command = new Helm(chart).template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
        return Manifests.parse(options.apply(command).call());
    }

    /** The umbrella as a small city installs it: default values and the demo realm. */
    static Manifests smallCity(ChartWorkspace workspace) {
        return render(workspace.umbrella(), t -> t.setFile("keycloak.realm", REALM));
    }

    /** The umbrella with values-city-20m.yaml layered on the defaults. */
    static Manifests city20m(ChartWorkspace workspace) {
        return render(workspace.umbrella(), t -> t
            .withValuesFile(workspace.umbrella().resolve("values-city-20m.yaml"))
            .setFile("keycloak.realm", REALM));
    }
}
