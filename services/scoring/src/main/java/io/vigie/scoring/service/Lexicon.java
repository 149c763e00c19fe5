package io.vigie.scoring.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Small hand-written polarity lexicons (per language), negators, and emoji polarity: the prior knowledge the
 * sentiment model's features start from. Written for Vigie; the trained weights decide how much they count.
 */
public final class Lexicon {

    private static final Map<String, Integer> WORDS = new HashMap<>();
    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "n't", "dont", "don't", "cant", "can't", "won't", "isn't", "wasn't", "didn't", "doesn't",
            "nothing", "nobody", "without", "ne", "pas", "jamais", "rien", "sans", "aucun", "personne", "nicht", "kein",
            "keine", "keinen", "nie", "niemals", "ohne", "nichts", "nunca", "nada", "sin", "tampoco", "ni", "não", "nao",
            "nem", "sem", "non", "mai", "senza", "niente", "nessuno", "geen", "niet", "nooit", "nikdy");
    private static final Map<Integer, Integer> EMOJI = new HashMap<>();

    static {
        words(1, "good great love loved loving lovely awesome amazing excellent perfect best happy glad thanks thank"
                + " nice cool wonderful fantastic brilliant fun enjoy enjoyed beautiful win won yay congrats congratulations"
                + " recommend helpful fixed works solved superb favorite favourite excited proud lol haha hahaha");
        words(-1, "bad worst terrible awful hate hated sucks suck broken broke fail failed failure useless disappointed"
                + " disappointing angry annoying annoyed horrible poor sad crap shit fuck fucking wtf scam fraud refund"
                + " crash crashes crashed bug bugs slow never problem problems issue issues worse stupid ridiculous"
                + " unacceptable ugh dead died kill killed sick lost lose wrong rip");
        words(1, "bon bonne bien super génial genial excellent parfait merci bravo adore aime j'adore heureux heureuse"
                + " content contente magnifique top cool sympa incroyable meilleur meilleure génialissime chapeau formidable");
        words(-1, "mauvais mauvaise nul nulle pire horrible déçu déçue décevant honte marre panne bug bugs arnaque"
                + " problème problèmes triste colère énervé énervant lamentable catastrophe inadmissible scandale"
                + " merde putain naze galère honteux dégoûté");
        words(1, "gut gute guten toll super klasse danke prima schön schöne wunderbar liebe geil perfekt glücklich"
                + " spitze hervorragend freue freut genial beste lustig");
        words(-1, "schlecht schlechte scheiße scheisse mist furchtbar schrecklich enttäuscht enttäuschend ärgerlich"
                + " traurig kaputt problem probleme fehler peinlich katastrophe nervt wütend hass unfassbar betrug");
        words(1, "bueno buena buenos buenas genial excelente gracias feliz encanta encantó mejor perfecto increíble"
                + " guapo guapa precioso bonito bonita enhorabuena felicidades maravilloso divertido");
        words(-1, "malo mala malos peor horrible fatal triste asco odio vergüenza desastre problema problemas roto"
                + " estafa mierda decepción decepcionado basura indignante lamentable asqueroso");
        words(1, "bom boa bons ótimo otimo ótima maravilhoso maravilhosa obrigado obrigada feliz amo adoro lindo linda"
                + " perfeito melhor incrível parabéns demais legal top kkk kkkk");
        words(-1, "ruim péssimo pessimo péssima horrível triste raiva ódio odeio vergonha problema problemas quebrado"
                + " lixo merda decepção decepcionado pior chato chata absurdo aff");
        words(1, "buono buona bello bella ottimo ottima grazie felice amo adoro perfetto migliore grande bravo brava"
                + " bellissimo bellissima fantastico complimenti meraviglioso");
        words(-1, "cattivo cattiva brutto brutta pessimo pessima triste odio vergogna problema problemi rotto schifo"
                + " merda delusione deluso peggio peggiore ridicolo vergognoso");
        emoji(1, "😀😃😄😁😆😊😍🥰😘😗😙😚🙂😉😎🤩🥳👍👏🙌💪🎉✨🔥💯❤💖💗💓💕💞💙💚💛💜🧡🤗😂🤣😹🙏✅👌😻🌟⭐");
        emoji(-1, "😞😟😠😡🤬😢😭😤😩😫😖😣😒🙄😔😕🙁☹😰😨😱💔👎🤮🤢😷💩😑😐🤦😪");
    }

    private Lexicon() {
    }

    private static void words(int polarity, String list) {
        for (String w : list.split(" ")) {
            if (!w.isEmpty()) {
                WORDS.put(w, polarity);
            }
        }
    }

    private static void emoji(int polarity, String list) {
        list.codePoints().forEach(cp -> EMOJI.put(cp, polarity));
    }

    /** +1, -1 or 0 for a lowercased word. */
    public static int polarity(String word) {
        return WORDS.getOrDefault(word, 0);
    }

    /** +1, -1 or 0 for an emoji code point. */
    public static int emojiPolarity(int codePoint) {
        return EMOJI.getOrDefault(codePoint, 0);
    }

    /** Whether a lowercased word negates what follows (not, pas, nicht, nunca, não, non, ...). */
    public static boolean isNegator(String word) {
        return NEGATORS.contains(word) || word.endsWith("n't");
    }
}
