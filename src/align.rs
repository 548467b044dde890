//! Align: claims from all articles about the same topic and the same scope
//! are grouped into clusters, one per future finding.

use crate::model::Claim;

/// Claims that speak of one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub topic: String,
    /// A human description of what is counted.
    pub scope: String,
    pub claims: Vec<Claim>,
}

/// Groups the topical claims (those with a topic) into clusters.
pub fn align(claims: &[Claim]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    for claim in claims {
        let Some(topic) = &claim.topic else { continue };
        match clusters.iter_mut().find(|c| &c.topic == topic && c.claims[0].unit == claim.unit) {
            Some(cluster) => cluster.claims.push(claim.clone()),
            None => clusters.push(Cluster {
                topic: topic.clone(),
                scope: claim.scope.describe(),
                claims: vec![claim.clone()],
            }),
        }
    }
    clusters
}
