package io.cpy2j.demo.legacy;

import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same SnakeYAML call in the master (2.x) and in the legacy twin (1.x), side by side. */
@RestController
@RequestMapping("/api/legacy")
class LegacyController {

    /** A document naming a Java class: 1.x builds it (CVE-2022-1471), 2.x refuses global tags. */
    static final String SAMPLE = "!!java.net.URI https://cpy2j.io/demo";

    private final YamlProbe inLegacyTwin;
    private final YamlProbe inMaster = new YamlProbe();

    LegacyController(YamlProbe inLegacyTwin) {
        this.inLegacyTwin = inLegacyTwin;
    }

    /** Loads the posted YAML (the sample when empty) on both sides; master first. */
    @PostMapping
    List<YamlAnswer> load(@RequestBody(required = false) String yaml) {
        String text = yaml == null || yaml.isBlank() ? SAMPLE : yaml;
        return List.of(inMaster.load(text), inLegacyTwin.load(text));
    }
}
