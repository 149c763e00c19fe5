package io.vigie.traffic;

import java.util.List;

/** The fictional brand's product lines: consumer laptops, the "Nordlys Forge" gaming sub-brand and business laptops. */
enum ProductLine {
    CONSUMER(List.of("Nordlys Aero 14", "Nordlys Aero 16", "Nordlys Slate 13", "Nordlys Aero 14 Pro")),
    GAMING(List.of("Nordlys Forge X17", "Nordlys Forge 15", "Nordlys Forge X15", "Nordlys Forge X17 Ultra")),
    BUSINESS(List.of("Nordlys Vega 14", "Nordlys Vega 16 Pro", "Nordlys Vega 14 Flip"));

    private final List<String> models;

    ProductLine(List<String> models) {
        this.models = models;
    }

    /** A model name as people write it: the full name, or often without the brand ("Forge X17"). */
    String model(Rng rng, String avoid) {
        String model = rng.pick(models);
        if (avoid != null && models.size() > 1) {
            while (avoid.endsWith(model.substring("Nordlys ".length()))) {
                model = rng.pick(models);
            }
        }
        return rng.chance(0.3) ? model.substring("Nordlys ".length()) : model;
    }
}
