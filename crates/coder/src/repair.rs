//! Repairs of one frequent, recognisable parser error before coding.
//!
//! News sentences open with a noun phrase and a past-tense verb ("Russian forces shelled
//! Kherson", "Ukrainian troops attacked Russian positions"). The form is ambiguous between
//! past tense and participle, and a parser trained on EWT often reads it as a participle
//! modifying the noun ("forces [that were] shelled"), leaving the noun as the root and the
//! sentence without a main verb. When the root is a noun and a past-form verb hangs below
//! it as a modifier with no auxiliary and no "by" agent, the verb is promoted to root with
//! the noun as its subject. The rule only fires on verbless readings, which are wrong for a
//! full news sentence; correct participle readings ("missiles launched by X hit Y") keep a
//! real main verb and are left alone.

use crate::args;
use crate::view::{SentView, NONE};
use rung_parse::Upos;

/// Promotes a misread past-tense verb to the root. Returns whether the tree changed.
pub fn promote_past_verb(v: &mut SentView) -> bool {
    let n = v.len();
    // The head of a verbless clause: the root, or a reported clause ("officials said
    // Russian troops detained ...").
    let Some(root) = (0..n).find(|&i| {
        matches!(v.upos[i], Upos::Noun | Upos::Propn | Upos::Pron)
            && (v.head[i] == NONE || matches!(v.rel(i), "ccomp" | "parataxis"))
            && !v.kids(i).iter().any(|&k| v.rel(k) == "cop")
    }) else {
        return false;
    };
    let Some(w) = (root + 1..n).find(|&w| {
        v.upos[w] == Upos::Verb
            && matches!(v.xpos[w].as_str(), "VBN" | "VBD")
            && matches!(v.rel(w), "acl" | "amod" | "compound")
            && args::agent(v, w).is_none()
            && !v.kids(w).iter().any(|&k| v.rel(k) == "aux")
    }) else {
        return false;
    };
    // The verb's old head: when it modified a noun after it ("attacked Russian positions"),
    // that noun is its object.
    let old = v.head[w];
    let (root_head, root_rel) = (v.head[root], v.deprel[root].clone());
    v.head[w] = root_head;
    v.deprel[w].clear();
    v.deprel[w].push_str(&root_rel);
    if old != NONE && old > w {
        v.head[old] = w;
        v.deprel[old].clear();
        v.deprel[old].push_str("obj");
    }
    v.head[root] = w;
    v.deprel[root].clear();
    v.deprel[root].push_str("nsubj");
    v.xpos[w].clear();
    v.xpos[w].push_str("VBD");
    // The old root's dependents after the verb belong to the verb.
    for k in 0..n {
        if k > w && v.head[k] == root {
            v.head[k] = w;
        }
    }
    v.reindex();
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::TestTree;

    fn view(s: &str) -> SentView {
        let t = TestTree::parse(s);
        let mut v = SentView::default();
        v.load(&t.forms(), &vec![[0, 0]; t.rows.len()], &t);
        v
    }

    #[test]
    fn promotes_participle_of_root_noun() {
        let mut v = view("Russian/ADJ/russian/2/amod forces/NOUN/force/0/root shelled/VERB/shell/2/acl Kherson/PROPN/Kherson/3/obj");
        v.xpos[2] = "VBN".into();
        assert!(promote_past_verb(&mut v));
        assert_eq!(v.parent(1), Some(2));
        assert_eq!(v.full_rel(1), "nsubj");
        assert_eq!(v.parent(2), None);
        assert_eq!(v.full_rel(2), "root");
    }

    #[test]
    fn leaves_real_main_verb_alone() {
        let mut v = view("missiles/NOUN/missile/4/nsubj launched/VERB/launch/1/acl by/ADP/by/4/case hit/VERB/hit/0/root");
        assert!(!promote_past_verb(&mut v));
    }
}
