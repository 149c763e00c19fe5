package io.vigie.scoring.service;

import java.util.List;
import java.util.Map;

/** The example brand's product lines (a deployment configures its own with {@code vigie.scoring.product-lines}). */
public final class ProductLines {

    /** Example product lines of the demo brand "Nordlys": id to the words that name it. */
    public static final Map<String, List<String>> DEFAULTS = Map.of(
            "laptops", List.of("laptop", "notebook", "ultrabook", "portátil", "portable", "ordinateur portable", "pc portable"),
            "gaming", List.of("gaming", "gamer", "fps", "nordlys play", "console", "manette", "controller"),
            "phones", List.of("phone", "smartphone", "téléphone", "handy", "celular", "móvil", "telefono", "telefone"),
            "os", List.of("nordos", "firmware", "os update", "mise à jour", "update", "aktualisierung", "actualización", "atualização"),
            "printers", List.of("printer", "imprimante", "drucker", "impresora", "impressora", "stampante", "ink", "toner"));

    private ProductLines() {
    }
}
