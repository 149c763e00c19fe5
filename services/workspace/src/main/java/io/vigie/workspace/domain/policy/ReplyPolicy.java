package io.vigie.workspace.domain.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public-reply policy: answers stay public, on the network where the customer spoke. A pure function of the
 * draft and its conversation, checked while the agent types and again before any reply is sent.
 */
public final class ReplyPolicy {

    /** The draft is empty. */
    public static final String EMPTY = "empty";
    /** The draft contains an e-mail address. */
    public static final String EMAIL = "email_address";
    /** The draft contains a phone number. */
    public static final String PHONE = "phone_number";
    /** The draft moves the customer off the network (private messages, e-mail, phone). */
    public static final String OFF_NETWORK = "off_network";
    /** The draft repeats an order or serial number the customer wrote. */
    public static final String ECHOED = "personal_data_echoed";
    /** The draft is not in the customer's language. */
    public static final String WRONG_LANGUAGE = "wrong_language";
    /** The draft would be posted from a brand account other than the space's. */
    public static final String WRONG_ACCOUNT = "wrong_account";
    /** The post answered already has a public reply. */
    public static final String SECOND_REPLY = "second_reply";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)*\\.\\p{L}{2,}", FLAGS);
    private static final Pattern PHONE_CANDIDATE = Pattern.compile("(?<![\\w+-])\\+?\\(?\\d[\\d .()/-]{5,}\\d(?!\\w)");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\p{L}\\d])#?[\\p{L}\\d][\\p{L}\\d-]{4,}[\\p{L}\\d](?![\\p{L}\\d])");

    /** Phrasings that send the customer to private messages, e-mail or the phone, per language. */
    static final Map<String, List<String>> OFF_NETWORK_PHRASES = Map.of(
            "en", List.of("\\bDMs?\\b", "\\bPM\\s+(us|me)\\b", "direct\\s+message", "private\\s+message",
                    "message\\s+us\\s+privately", "send\\s+us\\s+(an?\\s+)?(e-?mail|mail|message|DM|PM)",
                    "\\be-?mail\\s+us\\b", "\\bcall\\s+us\\b", "give\\s+us\\s+a\\s+(call|ring)", "\\bphone\\s+us\\b",
                    "\\b(ring|text)\\s+us\\b", "\\binbox\\b", "\\bwhats\\s?app\\b", "\\btelegram\\b",
                    "\\bcontact\\s+us\\s+(by|via|through|over)\\s+(e-?mail|phone|mail|telephone)",
                    "\\breach\\s+(out\\s+)?(to\\s+)?us\\s+privately\\b", "\\b(our|the)\\s+hotline\\b"),
            "fr", List.of("en\\s+priv[ée]", "\\bMP\\b", "nous\\s+envoyer\\s+(un\\s+|une\\s+)?(e-?mail|mail|courriel|message\\s+priv)", "message\\s+priv[ée]", "\\b(en|par)\\s+MP\\b",
                    "(envoyez|envoie|écrivez|ecrivez|écris)[-\\s]+(nous|moi)\\s+(un\\s+|une\\s+)?(e-?mail|mail|courriel|MP|DM|message)",
                    "appelez[-\\s]nous", "appelle[-\\s]nous", "\\btéléphonez[-\\s]nous\\b",
                    "contactez[-\\s]nous\\s+(par|au|via)\\s+(t[ée]l[ée]phone|e-?mail|mail|courriel)",
                    "par\\s+(e-?mail|mail|courriel|t[ée]l[ée]phone)\\b", "\\bboîte\\s+de\\s+réception\\b"),
            "de", List.of("\\b(PN|Privatnachricht|Direktnachricht)\\b", "private[nr]?\\s+Nachricht",
                    "(schreib|schreiben\\s+Sie)\\s+uns\\s+(eine\\s+)?(DM|PN|E-?Mail|Mail|private|Direktnachricht)",
                    "ruf(en\\s+Sie)?\\s+uns\\s+(doch\\s+)?an", "\\brufen\\s+Sie\\s+(uns\\s+)?(unter|bei)",
                    "(schick|schicken\\s+Sie|senden\\s+Sie)\\s+uns\\s+(eine\\s+)?(E-?Mail|Mail|Nachricht|DM|PN)",
                    "per\\s+(E-?Mail|Mail|DM|PN|Telefon)\\b", "telefonisch"),
            "es", List.of("\\b(por|en)\\s+(privado|MD|DM|inbox)\\b", "mensaje\\s+(directo|privado)",
                    "escr[ií]b(enos|anos|eme)\\s+(por|un|al|a)\\s+(privado|MD|DM|correo|e-?mail|mensaje)",
                    "ll[áa]m(anos|enos|ame)\\b", "env[ií](anos|enos|a)\\s+un\\s+(correo|e-?mail|mensaje\\s+privado|MD|DM)",
                    "por\\s+(correo(\\s+electr[óo]nico)?|e-?mail|tel[ée]fono)\\b"),
            "pt", List.of("mensagem\\s+(privada|direta)", "\\b(por|no|na|via)\\s+(inbox|DM|direct|privado|direct)\\b",
                    "chama\\s+(a\\s+gente\\s+)?(no|na)\\s+(inbox|DM|direct|privado)", "\\bligue[-\\s](para\\s+nós|nos)\\b",
                    "\\bnos\\s+ligue\\b", "\\b(envie|mande|manda)[-\\s]*(nos|para\\s+nós)?\\s+(um|uma)\\s+(e-?mail|DM|mensagem\\s+privada|inbox)",
                    "por\\s+(e-?mail|telefone)\\b"),
            "it", List.of("\\bin\\s+(privato|DM)\\b", "messaggio\\s+(privato|diretto)", "scrivici\\s+(in\\s+privato|una\\s+e-?mail|via\\s+e-?mail)",
                    "\\bchiamaci\\b", "\\bci\\s+chiami\\b", "(inviaci|mandaci|scrivici)\\s+(una\\s+|un\\s+)?(e-?mail|mail|messaggio\\s+privato|DM)",
                    "per\\s+(e-?mail|telefono)\\b", "\\bvia\\s+e-?mail\\b"),
            "nl", List.of("\\b(DM|PB|privébericht|privebericht|direct\\s+bericht)\\b",
                    "stuur\\s+(ons\\s+)?(even\\s+)?een\\s+(DM|PB|privébericht|e-?mail|mail|bericht)",
                    "\\bbel\\s+(ons|onze)\\b", "\\bmail\\s+ons\\b", "\\bvia\\s+(DM|PB|de\\s+mail|e-?mail|telefoon)\\b",
                    "\\bper\\s+(e-?mail|mail|telefoon)\\b"),
            "sk", List.of("súkromn(ú|ej|á|ou)\\s+správ", "\\bnapíšte\\s+nám\\s+(do\\s+)?(súkromn|správu|e-?mail|mail|DM|inbox)",
                    "\\bzavolajte\\s+(nám|na)\\b", "\\bpošlite\\s+nám\\s+(e-?mail|mail|správu|DM)",
                    "\\b(e-?mailom|telefonicky)\\b", "\\bdo\\s+inboxu\\b"));

    private static final List<Pattern> OFF_NETWORK_PATTERNS = OFF_NETWORK_PHRASES.values().stream()
            .flatMap(List::stream).map(p -> Pattern.compile(p, FLAGS)).toList();

    private ReplyPolicy() {
    }

    /** Checks a draft against every rule; the verdict lists all the rules it breaks. */
    public static PolicyVerdict check(PolicyInput in) {
        String text = in.text();
        List<PolicyViolation> found = new ArrayList<>();
        if (text.isBlank()) {
            found.add(PolicyViolation.of(EMPTY, null));
        }
        matches(EMAIL_ADDRESS, text, EMAIL, found);
        Matcher phone = PHONE_CANDIDATE.matcher(text);
        while (phone.find()) {
            String s = phone.group().trim();
            long digits = s.chars().filter(Character::isDigit).count();
            if (digits >= 8 && !DATE.matcher(s).matches()) {
                found.add(new PolicyViolation(PHONE, s, phone.start(), phone.start() + s.length()));
            }
        }
        for (Pattern p : OFF_NETWORK_PATTERNS) {
            matches(p, text, OFF_NETWORK, found);
        }
        Set<String> customerIds = identifiers(in.customerTexts());
        Matcher id = IDENTIFIER.matcher(text);
        while (id.find()) {
            String token = normalise(id.group());
            if (customerIds.contains(token)) {
                found.add(new PolicyViolation(ECHOED, id.group(), id.start(), id.end()));
            }
        }
        String detected = LanguageGuess.of(text);
        String customer = known(in.customerLanguage());
        String declared = known(in.replyLanguage());
        if (customer != null && declared != null && !customer.equals(declared)) {
            found.add(PolicyViolation.of(WRONG_LANGUAGE, declared));
        } else if (customer != null && detected != null && !customer.equals(detected)) {
            found.add(PolicyViolation.of(WRONG_LANGUAGE, detected));
        }
        if (in.replySpace() != null && in.conversationSpace() != null
                && !in.replySpace().equalsIgnoreCase(in.conversationSpace())) {
            found.add(PolicyViolation.of(WRONG_ACCOUNT, in.replySpace()));
        }
        if (in.inReplyTo() != null && in.answeredPosts().contains(in.inReplyTo())) {
            found.add(PolicyViolation.of(SECOND_REPLY, in.inReplyTo()));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new PolicyVerdict(false, dedupe(found), detected);
    }

    private static void matches(Pattern p, String text, String rule, List<PolicyViolation> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new PolicyViolation(rule, m.group(), m.start(), m.end()));
        }
    }

    /** Order and serial numbers: tokens of 6 or more letters and digits holding at least 4 digits. */
    private static Set<String> identifiers(List<String> texts) {
        Set<String> ids = new LinkedHashSet<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            Matcher m = IDENTIFIER.matcher(t);
            while (m.find()) {
                String token = normalise(m.group());
                if (token.chars().filter(Character::isDigit).count() >= 4) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    private static String normalise(String token) {
        return token.replace("#", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String known(String language) {
        return language == null || language.isBlank() || "und".equals(language) ? null : language;
    }

    /** Drops a violation whose span lies inside an earlier one of the same rule. */
    private static List<PolicyViolation> dedupe(List<PolicyViolation> in) {
        List<PolicyViolation> out = new ArrayList<>();
        for (PolicyViolation v : in) {
            boolean inside = v.start() >= 0 && out.stream().anyMatch(o -> o.rule().equals(v.rule())
                    && o.start() >= 0 && o.start() <= v.start() && v.end() <= o.end());
            if (!inside) {
                out.add(v);
            }
        }
        return out;
    }
}
