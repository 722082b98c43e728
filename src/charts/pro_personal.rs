//! Chart 8: pro against personal on the same scale — per post, per 1,000 followers of the post's
//! account: likes, conversation, amplification, saves. Size taken out, what is left is resonance.

use super::{ChartError, ChartOptions, FONT, TickAxis, draw_err, empty_message, legend, nice_ticks, titled};
use crate::metrics::compare::RoleSide;
use crate::model::Role;
use plotters::coord::Shift;
use plotters::prelude::*;

pub fn svg(sides: &[RoleSide], opts: &ChartOptions) -> Result<String, ChartError> {
    super::to_svg(opts, |root| draw(root, sides, opts))
}

pub fn png(sides: &[RoleSide], opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    super::to_png(opts, |root| draw(root, sides, opts))
}

fn values(s: &RoleSide) -> [Option<f64>; 4] {
    [
        s.likes_per_1000_followers.map(|m| m.value),
        s.conversation_per_1000_followers.map(|m| m.value),
        s.amplification_per_1000_followers.map(|m| m.value),
        s.saves_per_1000_followers.map(|m| m.value),
    ]
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    sides: &[RoleSide],
    opts: &ChartOptions,
) -> Result<(), ChartError> {
    let pal = opts.theme.palette();
    let lang = opts.lang;
    let root = titled(root, opts)?;
    let all: Vec<f64> = sides.iter().flat_map(values).flatten().collect();
    if all.is_empty() {
        return empty_message(
            &root,
            opts,
            lang.pick(
                "No posts with interactions and follower counts yet",
                "Pas encore de publications avec interactions et nombre d'abonnés",
            ),
        );
    }
    let labels = [
        lang.pick("likes", "j'aime"),
        lang.pick("conversation", "conversation"),
        lang.pick("amplification", "amplification"),
        lang.pick("saves", "enregistrements"),
    ];
    let hi = all.iter().cloned().fold(0.0, f64::max);
    let (_, top, ticks) = nice_ticks(0.0, hi * 1.1, 5);
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(58)
        .build_cartesian_2d(TickAxis::new(0.0, 4.0, vec![0.5, 1.5, 2.5, 3.5]), TickAxis::new(0.0, top, ticks))
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(pal.grid.stroke_width(1))
        .light_line_style(pal.grid.stroke_width(1))
        .axis_style(pal.axis.stroke_width(1))
        .label_style((FONT, 12).into_font().color(&pal.muted))
        .axis_desc_style((FONT, 12).into_font().color(&pal.muted))
        .y_desc(lang.pick("per post, per 1,000 followers", "par publication, pour 1 000 abonnés"))
        .x_label_formatter(&|x| labels.get(x.floor() as usize).map(|s| s.to_string()).unwrap_or_default())
        .y_label_formatter(&|v| lang.decimal(*v, if top < 10.0 { 1 } else { 0 }))
        .draw()
        .map_err(draw_err)?;
    for (k, side) in sides.iter().enumerate() {
        let color = pal.series(side.role, 0);
        let offset = if side.role == Role::Pro { 0.12 } else { 0.5 };
        let bars: Vec<Rectangle<(f64, f64)>> = values(side)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                v.map(|v| Rectangle::new([(i as f64 + offset, 0.0), (i as f64 + offset + 0.36, v)], color.filled()))
            })
            .collect();
        let _ = k;
        chart
            .draw_series(bars)
            .map_err(draw_err)?
            .label(format!(
                "{} ({} {})",
                crate::charts::growth::role_word(side.role, lang),
                side.posts,
                lang.pick("posts", "publications")
            ))
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], color.filled()));
    }
    legend(&mut chart, opts, SeriesLabelPosition::UpperRight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::engagement::Mean;

    fn side(role: Role, k: f64) -> RoleSide {
        let m = |v: f64| Some(Mean { value: v, posts: 10 });
        RoleSide {
            role,
            accounts: vec![1],
            followers: Some(1000),
            followers_gained: None,
            posts: 10,
            likes_per_post: m(10.0),
            conversation_per_post: m(2.0),
            amplification_per_post: None,
            saves_per_post: None,
            genuine_per_1000_followers: m(5.0 * k),
            likes_per_1000_followers: m(20.0 * k),
            conversation_per_1000_followers: m(3.0 * k),
            amplification_per_1000_followers: None,
            saves_per_1000_followers: m(1.0 * k),
            genuine_share: None,
            genuine_per_post_median: None,
        }
    }

    #[test]
    fn renders() {
        let opts = ChartOptions::default();
        let none = RoleSide {
            likes_per_1000_followers: None,
            conversation_per_1000_followers: None,
            saves_per_1000_followers: None,
            ..side(Role::Pro, 1.0)
        };
        assert!(svg(&[none], &opts).unwrap().contains("No posts"));
        let s = svg(&[side(Role::Pro, 1.0), side(Role::Personal, 4.0)], &opts).unwrap();
        assert!(s.contains("personal (10 posts)"));
    }
}
