//! Tests of the evidential grounded labelling: hand-made cases, and properties on random
//! frameworks against labelling from scratch and against Dung's grounded labelling.

mod cases {
    use super::super::{Evidential, Need};
    use crate::semantics::Label::{self, In, Out, Undec};

    fn labels(need: &[Need], support: &[(u32, u32)], attacks: &[(u32, u32)]) -> Vec<Label> {
        let f = Evidential::new(need.to_vec(), support.to_vec(), attacks.to_vec());
        f.grounded(&vec![false; need.len()])
    }

    #[test]
    fn support_carries_defeat_and_circles_fed_by_nothing_fall() {
        use Need::*;
        // 0 source; 1 any ← 0; 2 any ← 1; 3 source attacks 0 → 0 OUT, 1 and 2 lose support.
        assert_eq!(
            labels(&[Source, Any, Any, Source], &[(0, 1), (1, 2)], &[(3, 0)]),
            [Out, Out, Out, In]
        );
        // 1 and 2 support each other, fed by 0, which is attacked: the circle falls.
        assert_eq!(
            labels(
                &[Source, Any, Any, Source],
                &[(0, 1), (1, 2), (2, 1)],
                &[(3, 0)]
            ),
            [Out, Out, Out, In]
        );
        // All: 2 ← {0, 1}; 1 is attacked by an undecided pair → 2 undecided.
        assert_eq!(
            labels(
                &[Source, Source, All, Source, Source],
                &[(0, 2), (1, 2)],
                &[(3, 1), (4, 3), (3, 4)]
            ),
            [In, Undec, Undec, Undec, Undec]
        );
        // All with one premise OUT is OUT; Any with one standing route is IN.
        assert_eq!(
            labels(
                &[Source, Source, All, Any, Source],
                &[(0, 2), (1, 2), (2, 3), (0, 3)],
                &[(4, 1)]
            ),
            [In, Out, Out, In, In]
        );
    }

    #[test]
    fn a_region_relabelled_alone_agrees_with_labelling_everything() {
        use Need::*;
        let need = [Source, Source, Any, Any, All, Any];
        let support = [(0, 2), (1, 3), (2, 4), (3, 4), (4, 5), (5, 3)];
        let attacks = [(2, 3), (3, 2)];
        let f = Evidential::new(need.to_vec(), support.to_vec(), attacks.to_vec());
        let mut absent = vec![false; 6];
        let mut labels = f.grounded(&absent);
        absent[1] = true;
        let region = [1, 3, 4, 5, 2];
        f.grounded_within(&mut labels, &region, &absent);
        assert_eq!(labels, f.grounded(&absent));
    }
}

mod properties {
    use super::super::{Evidential, Need};
    use proptest::prelude::*;

    /// A framework of up to 20 arguments of every need, with any support and attacks (circles,
    /// self-attacks and mutual attacks included), which arguments were absent, and which leave.
    fn cases() -> impl Strategy<Value = (Evidential, Vec<bool>, Vec<bool>)> {
        (1usize..20).prop_flat_map(|n| {
            let need = prop::collection::vec(
                prop_oneof![Just(Need::Source), Just(Need::Any), Just(Need::All)],
                n,
            );
            let pairs = || prop::collection::vec((0..n as u32, 0..n as u32), 0..2 * n);
            let marks = || prop::collection::vec(any::<bool>(), n);
            (need, pairs(), pairs(), marks(), marks()).prop_map(
                |(need, support, attacks, absent, leaving)| {
                    (Evidential::new(need, support, attacks), absent, leaving)
                },
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// Relabelling only what the leaving arguments reach through support and attack gives
        /// the grounded labelling computed from scratch.
        #[test]
        fn relabelling_what_leaving_reaches_is_labelling_again((f, absent, leaving) in cases()) {
            let mut labels = f.grounded(&absent);
            let after: Vec<bool> = (absent.iter().zip(&leaving)).map(|(&a, &l)| a || l).collect();
            let mut seen = vec![false; f.len()];
            let mut region: Vec<u32> = (0..f.len() as u32)
                .filter(|&a| leaving[a as usize] && !absent[a as usize])
                .collect();
            region.iter().for_each(|&a| seen[a as usize] = true);
            let mut i = 0;
            while let Some(&a) = region.get(i) {
                i += 1;
                for &w in f.supported(a).iter().chain(f.attacks().targets(a)) {
                    if !std::mem::replace(&mut seen[w as usize], true) {
                        region.push(w);
                    }
                }
            }
            f.grounded_within(&mut labels, &region, &after);
            prop_assert_eq!(labels, f.grounded(&after));
        }

        /// Relabelling only the arguments whose reasons the leaving ones took away gives the
        /// grounded labelling computed from scratch.
        #[test]
        fn relabelling_what_lost_its_reason_is_labelling_again((f, absent, leaving) in cases()) {
            let (mut labels, order) = f.grounded_in_order(&absent);
            let after: Vec<bool> = (absent.iter().zip(&leaving)).map(|(&a, &l)| a || l).collect();
            let changed: Vec<u32> = (0..f.len() as u32)
                .filter(|&a| leaving[a as usize] && !absent[a as usize])
                .collect();
            let region = f.affected(&labels, &order, &changed);
            f.grounded_within(&mut labels, &region, &after);
            prop_assert_eq!(labels, f.grounded(&after));
        }

        /// With no support at all, the grounded labelling is Dung's.
        #[test]
        fn without_support_it_is_dungs((f, absent, _l) in cases()) {
            let plain = Evidential::new(vec![Need::Source; f.len()], Vec::new(), (0..f.len() as u32).flat_map(|a| f.attacks().targets(a).iter().map(move |&b| (a, b))).collect::<Vec<_>>());
            let none = vec![false; f.len()];
            prop_assert_eq!(plain.grounded(&none), plain.attacks().grounded());
            let _ = absent;
        }
    }
}
