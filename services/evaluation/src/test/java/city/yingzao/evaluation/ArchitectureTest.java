package city.yingzao.evaluation;

import city.yingzao.testing.LayeredServiceArchitecture;

/** The layers every service keeps (domain, application, infrastructure, api), checked on this service's classes. */
class ArchitectureTest extends LayeredServiceArchitecture {

    ArchitectureTest() {
        super("city.yingzao.evaluation");
    }
}
